import './setupRender';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Navigate, Route, Routes } from 'react-router';
import { useLanguage } from '../i18n/useLanguage';
import { FieldJoin } from './duty/FieldJoin';
import { FieldShifts } from './duty/FieldShifts';
import { FieldHome } from './FieldHome';
import { FieldLogin } from './FieldLogin';
import { FieldRequireAuth } from './FieldRequireAuth';
import { FieldUnitPage } from './FieldUnitPage';
import { FieldCampaigns } from './screening/FieldCampaigns';
import { FieldDoors } from './screening/FieldDoors';
import { FieldVisit } from './screening/FieldVisit';

/** The field screens for phones (antd-mobile), under /field. */
export default function FieldApp() {
  const [lang] = useLanguage();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
      <Routes>
        <Route path="login" element={<FieldLogin />} />
        {/* the public sign-up page of a call-up (招募令): no login, reached by its QR code */}
        <Route path="join/:token" element={<FieldJoin />} />
        <Route
          path="shifts/*"
          element={
            <FieldRequireAuth>
              <FieldShifts />
            </FieldRequireAuth>
          }
        />
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
        <Route
          path="screening"
          element={
            <FieldRequireAuth>
              <FieldCampaigns />
            </FieldRequireAuth>
          }
        />
        <Route
          path="screening/:id"
          element={
            <FieldRequireAuth>
              <FieldDoors />
            </FieldRequireAuth>
          }
        />
        <Route
          path="screening/:id/door/:key"
          element={
            <FieldRequireAuth>
              <FieldVisit />
            </FieldRequireAuth>
          }
        />
        <Route path="*" element={<Navigate to="/field" replace />} />
      </Routes>
    </ConfigProvider>
  );
}
