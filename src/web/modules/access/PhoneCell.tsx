import { revealPhone } from '../../http/access';
import type { User } from '../../http/types';
import { RevealValue } from '../../shell/RevealValue';
import { maskedPhone } from './userFields';

/** The masked phone; 查看 reveals it in place for holders of pii.reveal (the server writes it to the audit log). */
export function PhoneCell({ user }: { user: User }) {
  return (
    <RevealValue
      masked={maskedPhone(user)}
      reveal={() => revealPhone(user.id)}
      testId={`phone-${user.id}`}
      withLabel
    />
  );
}
