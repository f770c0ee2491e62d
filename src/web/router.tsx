import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from './http/client';
import i18n from './i18n';
import { queryClient } from './shell/queryClient';

// Two front ends share one origin: the desk (antd) at / and the field screens for phones (antd-mobile) at
// /field. Each is its own chunk, so a phone never downloads the desk and the other way round.
const DeskApp = lazy(() => import('./shell/DeskApp'));
const FieldApp = lazy(() => import('./field/FieldApp'));

function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center', color: '#888' }} role="status">
      {i18n.t('common.loading')}
    </div>
  );
}

export const router = createBrowserRouter([
  {
    path: '/field/*',
    element: (
      <Suspense fallback={<Loading />}>
        <FieldApp />
      </Suspense>
    ),
  },
  {
    path: '*',
    element: (
      <Suspense fallback={<Loading />}>
        <DeskApp />
      </Suspense>
    ),
  },
]);

// A 401 from any call (but login) means the session is gone: back to the right login page, then come back.
setUnauthorizedHandler(() => {
  const { pathname, search } = window.location;
  const loginPath = pathname.startsWith('/field') ? '/field/login' : '/login';
  if (pathname === loginPath) return;
  void router
    .navigate(`${loginPath}?next=${encodeURIComponent(pathname + search)}`, { replace: true })
    .then(() => {
      queryClient.removeQueries();
    });
});
