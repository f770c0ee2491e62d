import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ITEM_KIND_INFO, ITEM_KINDS, type ItemKind } from '../../../domain/care/items';
import { useCareLabels } from './useCareLabels';

/**
 * The goods of a request (Form.List `items`): kind, quantity (to one decimal: 半斤 = 0.5), the unit the
 * kind is counted in (its usual one when the kind is chosen), and a name (which medicine; required for
 * medicine and other).
 */
export function ItemLines() {
  const { t } = useTranslation();
  const labels = useCareLabels();
  const form = Form.useFormInstance();
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <div data-testid="care-form-items">
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 8 }}>
                <Select<ItemKind>
                  style={{ width: 140 }}
                  placeholder={t('care.form.kind')}
                  data-testid={`care-item-kind-${field.name}`}
                  options={ITEM_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
                  onChange={(k) =>
                    form.setFieldValue(['items', field.name, 'unit'], ITEM_KIND_INFO[k].units[0])
                  }
                />
              </Form.Item>
              <Form.Item name={[field.name, 'quantity']} style={{ marginBottom: 8 }}>
                <InputNumber
                  min={0}
                  max={999}
                  step={1}
                  precision={1}
                  style={{ width: 100 }}
                  placeholder={t('care.form.quantity')}
                  data-testid={`care-item-quantity-${field.name}`}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['items', field.name, 'kind']]}>
                {() => {
                  const kind = form.getFieldValue(['items', field.name, 'kind']) as ItemKind | undefined;
                  const info = kind ? ITEM_KIND_INFO[kind] : undefined;
                  return (
                    <>
                      <Form.Item name={[field.name, 'unit']} style={{ marginBottom: 8 }}>
                        <Select
                          style={{ width: 110 }}
                          placeholder={t('care.form.unit')}
                          data-testid={`care-item-unit-${field.name}`}
                          options={(info?.units ?? []).map((u) => ({ value: u, label: labels.unit(u) }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'name']}
                        style={{ marginBottom: 8 }}
                        rules={
                          info?.nameRequired
                            ? [{ required: true, whitespace: true, message: t('care.form.nameRequired') }]
                            : []
                        }
                      >
                        <Input
                          style={{ width: 200 }}
                          maxLength={40}
                          placeholder={info?.nameRequired ? t('care.form.nameRequired') : t('care.form.name')}
                          data-testid={`care-item-name-${field.name}`}
                        />
                      </Form.Item>
                    </>
                  );
                }}
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('care.form.removeItem')}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ unit: undefined })}
            data-testid="care-item-add"
            disabled={fields.length >= 20}
          >
            {t('care.form.addItem')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
