import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';
import { PeoplePage } from './PeoplePage';
import { QuestionsPage } from './QuestionsPage';
import { QueuePage } from './QueuePage';
import { SubmissionPage } from './SubmissionPage';

const App = () => (
  <Routes>
    <Route index element={<QueuePage />} />
    <Route path="submissions/:documentId" element={<SubmissionPage />} />
    <Route path="questions" element={<QuestionsPage />} />
    <Route path="people" element={<PeoplePage />} />
    <Route path="dashboard" element={<DashboardPage />} />
    <Route path="dashboard/:phaseId" element={<DashboardPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
