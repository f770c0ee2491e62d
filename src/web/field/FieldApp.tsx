import './setupRender';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Navigate, Route, Routes } from 'react-router';
import { useLanguage } from '../i18n/useLanguage';
import { FieldHome } from './FieldHome';
import { FieldLogin } from './FieldLogin';
import { FieldRequireAuth } from './FieldRequireAuth';
import { FieldUnitPage } from './FieldUnitPage';

/** The field screens for phones (antd-mobile), under /field. */
export default function FieldApp() {
  const [lang] = useLanguage();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
      <Routes>
        <Route path="login" element={<FieldLogin />} />
        <Route
          index
          element={
            <FieldRequireAuth>
              <FieldHome />
            </FieldRequireAuth>
          }
        />
        <Route
          path="unit/:code"
          element={
            <FieldRequireAuth>
              <FieldUnitPage />
            </FieldRequireAuth>
          }
        />
        <Route path="*" element={<Navigate to="/field" replace />} />
      </Routes>
    </ConfigProvider>
  );
}
