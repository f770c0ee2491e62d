import { revealResident } from '../../../http/ledger';
import { RevealValue as Reveal } from '../../../shell/RevealValue';

/** A resident's masked ID number or phone; 查看 shows the full value to holders of pii.reveal (audited). */
export function RevealValue({
  residentKey,
  field,
  masked,
}: {
  residentKey: string;
  field: 'idNumber' | 'phone';
  masked: string | null;
}) {
  return (
    <Reveal
      masked={masked}
      reveal={() => revealResident(residentKey, field)}
      testId={`${field === 'idNumber' ? 'id' : 'phone'}-${residentKey}`}
    />
  );
}
