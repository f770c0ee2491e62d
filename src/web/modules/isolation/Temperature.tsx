import { Typography } from 'antd';
import { useFeverThreshold } from './useFeverThreshold';

/** A temperature in °C, red at or above the fever threshold. */
export function Temperature({ value, threshold }: { value: number | null | undefined; threshold?: number }) {
  const deployment = useFeverThreshold();
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const fever = value >= (threshold ?? deployment);
  return (
    <Typography.Text type={fever ? 'danger' : undefined} strong={fever} data-fever={fever}>
      {value.toFixed(1)}℃
    </Typography.Text>
  );
}
