import { Page, useAuth } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Route, Routes } from 'react-router-dom';
import { directionOf } from '../i18n';
import { DashboardPage } from './DashboardPage';
import { OutboxPage } from './OutboxPage';
import { PeoplePage } from './PeoplePage';
import { QuestionsPage } from './QuestionsPage';
import { QueuePage } from './QueuePage';
import { SubmissionPage } from './SubmissionPage';

/**
 * The workspace's root: in the admin's language and its direction (Arabic reads right to left).
 * Its pages wait for the user's permissions: Strapi's useRBAC checks once, when a page mounts, so
 * a page opened by its address before they arrive would keep saying "not allowed".
 */
const App = () => {
  const { locale } = useIntl();
  const loadingPermissions = useAuth('ModerationWorkspace', (state) => state.isLoading);
  if (loadingPermissions) return <Page.Loading />;
  return (
    <div lang={locale} dir={directionOf(locale)} data-workspace-root="">
      <Routes>
        <Route index element={<QueuePage />} />
        <Route path="submissions/:documentId" element={<SubmissionPage />} />
        <Route path="questions" element={<QuestionsPage />} />
        <Route path="people" element={<PeoplePage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="dashboard/:phaseId" element={<DashboardPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </div>
  );
};

export default App;
