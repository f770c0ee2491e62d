import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SKILLS } from '../../../domain/forces/schedule';
import { usePlatformClock } from '../../http/clock';
import { createCallup, type Preset, type ShiftPattern, type Skill, usePresets } from '../../http/duty';
import { applyFieldErrors } from '../../http/errors';
import { useFacilities } from '../../http/org';
import { useScope } from '../../shell/ScopeContext';
import { useDutyMutation } from './useDutyMutation';

interface Values {
  title: string;
  description?: string;
  startsOn: string;
  endsOn?: string;
  preset: Preset['key'];
  perShift: number;
  skills?: Skill[];
  minAge?: number | null;
  maxAge?: number | null;
  notes?: string;
}

/** A call-up's pattern: the preset's clock times, each shift needing `perShift` volunteers (anyone). */
export function volunteerPattern(preset: Preset, perShift: number): ShiftPattern {
  return {
    name: preset.pattern.name,
    shifts: preset.pattern.shifts.map((s) => ({ ...s, needs: [{ qualification: null, count: perShift }] })),
  };
}

/** 发布招募令: title, dates, pattern preset, places per facility of the scope, requirements. */
export function CallupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { scopeCode, scopeUnit } = useScope();
  const day = usePlatformClock();
  const presets = usePresets();
  const facilities = useFacilities(scopeCode);
  const [places, setPlaces] = useState<Record<string, number>>({});
  const [placesError, setPlacesError] = useState<string | null>(null);
  const capacity = useMemo(() => Object.values(places).reduce((n, x) => n + (x || 0), 0), [places]);

  useEffect(() => {
    if (day.data && !form.getFieldValue('startsOn')) form.setFieldValue('startsOn', day.data.today);
  }, [day.data, form]);

  const save = useDutyMutation(
    createCallup,
    (res) => {
      message.success(t('duty.form.created'));
      void navigate(`/callups/${res.id}`);
    },
    { silentError: true },
  );

  const submit = (v: Values) => {
    const preset = presets.data?.items.find((p) => p.key === v.preset);
    const list = Object.entries(places)
      .filter(([, n]) => n > 0)
      .map(([facilityId, needed]) => ({ facilityId, needed }));
    if (!list.length) {
      setPlacesError(t('duty.form.needPlaces'));
      return;
    }
    setPlacesError(null);
    if (!preset || !scopeCode) return;
    save.mutate(
      {
        unitCode: scopeCode,
        title: v.title,
        description: v.description || null,
        startsOn: v.startsOn,
        endsOn: v.endsOn || null,
        pattern: volunteerPattern(preset, v.perShift),
        places: list,
        requirements: {
          skills: v.skills ?? [],
          minAge: v.minAge ?? null,
          maxAge: v.maxAge ?? null,
          notes: v.notes || null,
        },
      },
      {
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setPlacesError((err as Error).message);
        },
      },
    );
  };

  const rows = facilities.data ?? [];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('duty.callups.new')}
        </Typography.Title>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 860 }}
        initialValues={{ preset: 'two_day', perShift: 3, minAge: 18, maxAge: 60 }}
        onFinish={submit}
        data-testid="callup-form"
      >
        <Typography.Paragraph type="secondary">{scopeUnit?.name}</Typography.Paragraph>
        <Form.Item
          name="title"
          label={t('duty.form.title')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input placeholder={t('duty.form.titlePlaceholder')} maxLength={100} data-testid="callup-title" />
        </Form.Item>
        <Form.Item name="description" label={t('duty.form.description')}>
          <Input.TextArea rows={2} placeholder={t('duty.form.descriptionPlaceholder')} maxLength={2000} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item
            name="startsOn"
            label={t('duty.form.startsOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input type="date" data-testid="callup-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('duty.form.endsOn')} extra={t('duty.form.endsOnHint')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="preset" label={t('duty.form.preset')}>
            <Select
              style={{ width: 220 }}
              data-testid="callup-preset"
              options={(presets.data?.items ?? []).map((p) => ({ value: p.key, label: p.label }))}
            />
          </Form.Item>
          <Form.Item name="perShift" label={t('duty.form.perShift')} extra={t('duty.form.perShiftHint')}>
            <InputNumber min={1} max={50} data-testid="callup-per-shift" />
          </Form.Item>
        </Space>
        <Form.Item label={t('duty.form.places')} extra={t('duty.form.placesHint')} required>
          {rows.length === 0 && !facilities.isLoading ? (
            <Alert type="warning" title={t('duty.form.noFacilities')} />
          ) : (
            <Table
              size="small"
              rowKey={(f) => String(f.id)}
              loading={facilities.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ y: 280 }}
              columns={[
                { title: t('duty.form.facility'), dataIndex: 'name' },
                {
                  title: t('duty.form.needed'),
                  width: 140,
                  render: (_, f) => (
                    <InputNumber
                      min={0}
                      max={10000}
                      value={places[String(f.id)] ?? 0}
                      onChange={(n) => setPlaces((p) => ({ ...p, [String(f.id)]: Number(n) || 0 }))}
                      data-testid={`callup-place-${f.id}`}
                    />
                  ),
                },
              ]}
            />
          )}
          <div style={{ marginTop: 8 }}>
            <Typography.Text strong>{t('duty.form.capacity', { n: capacity })}</Typography.Text>
          </div>
          {placesError && <Alert type="error" title={placesError} style={{ marginTop: 8 }} />}
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="skills" label={t('duty.form.skills')}>
            <Select
              mode="multiple"
              style={{ minWidth: 260 }}
              options={SKILLS.map((s) => ({ value: s, label: t(`duty.qualification.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="minAge" label={t('duty.form.minAge')}>
            <InputNumber min={14} max={100} />
          </Form.Item>
          <Form.Item name="maxAge" label={t('duty.form.maxAge')}>
            <InputNumber min={14} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('duty.form.notes')}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="callup-submit">
            {t('duty.form.submit')}
          </Button>
          <Button onClick={() => void navigate('/callups')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
