import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import './print/print.css';
import { DeskLayout } from './DeskLayout';
import { DeskProviders } from './DeskProviders';
import { LoginPage } from './LoginPage';
import { NotFound } from './NotFound';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';
import { ScopeProvider } from './ScopeContext';

const HomePage = lazy(() => import('../modules/home/HomePage'));
const OrgPage = lazy(() => import('../modules/org/OrgPage'));
const UsersPage = lazy(() => import('../modules/access/UsersPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const LedgerPage = lazy(() => import('../modules/ledger/LedgerPage'));
const BuildingPage = lazy(() => import('../modules/ledger/building/BuildingPage'));
const ImportPage = lazy(() => import('../modules/ledger/import/ImportPage'));
const CampaignsPage = lazy(() => import('../modules/ledger/screening/CampaignsPage'));
const ForcesPage = lazy(() => import('../modules/forces/ForcesPage'));
const CallupsPage = lazy(() => import('../modules/duty/CallupsPage'));
const RostersPage = lazy(() => import('../modules/duty/RostersPage'));
const GatesPage = lazy(() => import('../modules/gates/GatesPage'));
const CheckpointsPage = lazy(() => import('../modules/checkpoints/CheckpointsPage'));
const IsolationPage = lazy(() => import('../modules/isolation/IsolationPage'));
const KeyPersonPage = lazy(() => import('../modules/isolation/PersonPage'));
const CarePage = lazy(() => import('../modules/care/CarePage'));

function Page({ children, permission }: { children: ReactNode; permission?: string }) {
  const page = <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>;
  return permission ? <RequirePermission permission={permission}>{page}</RequirePermission> : page;
}

/** The desk screens (antd). */
export default function DeskApp() {
  return (
    <DeskProviders>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <ScopeProvider>
                <DeskLayout />
              </ScopeProvider>
            </RequireAuth>
          }
        >
          <Route
            index
            element={
              <Page>
                <HomePage />
              </Page>
            }
          />
          <Route
            path="ledger"
            element={
              <Page permission="ledger.read">
                <LedgerPage />
              </Page>
            }
          />
          <Route
            path="ledger/building/:code"
            element={
              <Page permission="ledger.read">
                <BuildingPage />
              </Page>
            }
          />
          <Route
            path="ledger/import"
            element={
              <Page permission="ledger.import">
                <ImportPage />
              </Page>
            }
          />
          <Route
            path="screening"
            element={
              <Page permission="ledger.read">
                <CampaignsPage />
              </Page>
            }
          />
          <Route
            path="forces/*"
            element={
              <Page permission="forces.read">
                <ForcesPage />
              </Page>
            }
          />
          <Route
            path="callups/*"
            element={
              <Page permission="forces.read">
                <CallupsPage />
              </Page>
            }
          />
          <Route
            path="rosters/*"
            element={
              <Page permission="forces.read">
                <RostersPage />
              </Page>
            }
          />
          <Route
            path="gates"
            element={
              <Page permission="gate.read">
                <GatesPage />
              </Page>
            }
          />
          <Route
            path="gates/:id"
            element={
              <Page permission="gate.read">
                <GatesPage />
              </Page>
            }
          />
          <Route
            path="checkpoints/*"
            element={
              <Page>
                <CheckpointsPage />
              </Page>
            }
          />
          <Route
            path="isolation"
            element={
              <Page permission="isolation.read">
                <IsolationPage />
              </Page>
            }
          />
          <Route
            path="isolation/:id"
            element={
              <Page permission="isolation.read">
                <KeyPersonPage />
              </Page>
            }
          />
          <Route
            path="care"
            element={
              <Page permission="care.read">
                <CarePage />
              </Page>
            }
          />
          <Route
            path="org"
            element={
              <Page permission="org.read">
                <OrgPage />
              </Page>
            }
          />
          <Route
            path="org/:code"
            element={
              <Page permission="org.read">
                <OrgPage />
              </Page>
            }
          />
          <Route
            path="access/users"
            element={
              <Page permission="user.read">
                <UsersPage />
              </Page>
            }
          />
          <Route
            path="audit"
            element={
              <Page permission="audit.read">
                <AuditPage />
              </Page>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </DeskProviders>
  );
}
