import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { QueuePage } from './QueuePage';
import { SubmissionPage } from './SubmissionPage';

const App = () => (
  <Routes>
    <Route index element={<QueuePage />} />
    <Route path="submissions/:documentId" element={<SubmissionPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
