import './setupRender';
import { ConfigProvider, DotLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { setKnownIdentity } from '../http/auth';
import { useLanguage } from '../i18n/useLanguage';
import { FieldLogin } from './FieldLogin';
import { FieldRequireAuth } from './FieldRequireAuth';
import { startFieldQueue } from './offline/fieldQueue';
import { forgetIdentity, knownIdentity, knownUserId, rememberIdentity } from './offline/identity';
import { OfflineQueueBar } from './offline/OfflineQueueBar';
import { forgetReferences } from './offline/reference';
import { registerFieldServiceWorker } from './offline/serviceWorker';

// Offline field work (docs/architecture.md): the page is kept by a service worker, the signed-in identity
// outlives a dead network for the session's lifetime, and writes wait in the phone's queue.
registerFieldServiceWorker();
setKnownIdentity({
  remember: (me) => rememberIdentity(me),
  recall: () => knownIdentity(),
  forget: () => {
    const user = knownUserId();
    forgetIdentity();
    void forgetReferences(user);
  },
});

// The login is in this chunk; every other screen is its own chunk, fetched when it is opened, so that
// a phone on a slow link gets a usable login form after the smallest download (docs/architecture.md).
const FieldHome = lazy(() => import('./FieldHome').then((m) => ({ default: m.FieldHome })));
const FieldUnitPage = lazy(() => import('./FieldUnitPage').then((m) => ({ default: m.FieldUnitPage })));
const FieldJoin = lazy(() => import('./duty/FieldJoin').then((m) => ({ default: m.FieldJoin })));
const FieldShifts = lazy(() => import('./duty/FieldShifts').then((m) => ({ default: m.FieldShifts })));
const FieldCampaigns = lazy(() =>
  import('./screening/FieldCampaigns').then((m) => ({ default: m.FieldCampaigns })),
);
const FieldDoors = lazy(() => import('./screening/FieldDoors').then((m) => ({ default: m.FieldDoors })));
const FieldGates = lazy(() => import('./gates/FieldGates').then((m) => ({ default: m.FieldGates })));
const FieldGate = lazy(() => import('./gates/FieldGate').then((m) => ({ default: m.FieldGate })));
const FieldCheckpoints = lazy(() =>
  import('./checkpoints/FieldCheckpoints').then((m) => ({ default: m.FieldCheckpoints })),
);
const FieldCheckpoint = lazy(() =>
  import('./checkpoints/FieldCheckpoint').then((m) => ({ default: m.FieldCheckpoint })),
);
const FieldSelfRegister = lazy(() =>
  import('./checkpoints/FieldSelfRegister').then((m) => ({ default: m.FieldSelfRegister })),
);
const FieldIsolation = lazy(() =>
  import('./isolation/FieldIsolation').then((m) => ({ default: m.FieldIsolation })),
);
const FieldIsolationCheck = lazy(() =>
  import('./isolation/FieldIsolationCheck').then((m) => ({ default: m.FieldIsolationCheck })),
);
const FieldCare = lazy(() => import('./care/FieldCare').then((m) => ({ default: m.FieldCare })));
const FieldCareHousehold = lazy(() =>
  import('./care/FieldCareHousehold').then((m) => ({ default: m.FieldCareHousehold })),
);
const FieldVisit = lazy(() => import('./screening/FieldVisit').then((m) => ({ default: m.FieldVisit })));

/** A screen fetched on demand; behind a login unless it is public. */
function Screen({ children, open = false }: { children: ReactNode; open?: boolean }) {
  const screen = (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center', fontSize: 24 }}>
          <DotLoading color="primary" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
  return open ? (
    screen
  ) : (
    <FieldRequireAuth>
      <OfflineQueueBar />
      {screen}
    </FieldRequireAuth>
  );
}

/** The field screens for phones (antd-mobile), under /field. */
export default function FieldApp() {
  const [lang] = useLanguage();
  // the queue is sent now, whenever the network returns, and on a timer
  useEffect(() => startFieldQueue(), []);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
      <Routes>
        <Route path="login" element={<FieldLogin />} />
        {/* the public sign-up page of a call-up (招募令): no login, reached by its QR code */}
        <Route
          path="join/:token"
          element={
            <Screen open>
              <FieldJoin />
            </Screen>
          }
        />
        {/* a checkpoint's public self-registration page (扫码登记): no login, reached by its QR code */}
        <Route
          path="cp/:token"
          element={
            <Screen open>
              <FieldSelfRegister />
            </Screen>
          }
        />
        {/* a household's own page of the care (扫码下单): no login, reached by the QR code on its door */}
        <Route
          path="care/:token"
          element={
            <Screen open>
              <FieldCareHousehold />
            </Screen>
          }
        />
        <Route
          path="care"
          element={
            <Screen>
              <FieldCare />
            </Screen>
          }
        />
        <Route
          path="checkpoints"
          element={
            <Screen>
              <FieldCheckpoints />
            </Screen>
          }
        />
        <Route
          path="checkpoints/:facilityId"
          element={
            <Screen>
              <FieldCheckpoint />
            </Screen>
          }
        />
        <Route
          path="shifts/*"
          element={
            <Screen>
              <FieldShifts />
            </Screen>
          }
        />
        <Route
          index
          element={
            <Screen>
              <FieldHome />
            </Screen>
          }
        />
        <Route
          path="unit/:code"
          element={
            <Screen>
              <FieldUnitPage />
            </Screen>
          }
        />
        <Route
          path="screening"
          element={
            <Screen>
              <FieldCampaigns />
            </Screen>
          }
        />
        <Route
          path="screening/:id"
          element={
            <Screen>
              <FieldDoors />
            </Screen>
          }
        />
        <Route
          path="screening/:id/door/:key"
          element={
            <Screen>
              <FieldVisit />
            </Screen>
          }
        />
        <Route
          path="gates"
          element={
            <Screen>
              <FieldGates />
            </Screen>
          }
        />
        <Route
          path="gates/:id"
          element={
            <Screen>
              <FieldGate />
            </Screen>
          }
        />
        <Route
          path="isolation"
          element={
            <Screen>
              <FieldIsolation />
            </Screen>
          }
        />
        <Route
          path="isolation/:id/check"
          element={
            <Screen>
              <FieldIsolationCheck />
            </Screen>
          }
        />
        <Route path="*" element={<Navigate to="/field" replace />} />
      </Routes>
    </ConfigProvider>
  );
}
