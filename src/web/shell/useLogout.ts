import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetKnownIdentity, logout } from '../http/auth';

/** Sign out, forget every cached answer, go to the login page (desk or field). */
export function useLogout(loginPath = '/login') {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await logout();
    } catch {
      // the session may already be gone; sign out locally anyway
    }
    forgetKnownIdentity();
    await navigate(loginPath, { replace: true });
    queryClient.clear();
  };
}
