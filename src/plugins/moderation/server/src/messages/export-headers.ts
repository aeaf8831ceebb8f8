import type { LabelLanguage } from '../../../../../reference/gcm-labels';

export type ExportColumn =
  | 'id'
  | 'title'
  | 'kind'
  | 'author'
  | 'organisation'
  | 'category'
  | 'question'
  | 'objectives'
  | 'countries'
  | 'language'
  | 'submittedAt'
  | 'approvedAt'
  | 'replyTo'
  | 'links'
  | 'attachments'
  | 'text';

/** Column heads of the CSV and XLSX exports, and the sheet's name, in the language of the person who asked for them. */
export const EXPORT_HEADERS: Record<LabelLanguage, Record<ExportColumn | 'sheet', string>> = {
  en: {
    id: 'id', title: 'title', kind: 'kind', author: 'author', organisation: 'organisation', category: 'stakeholder category', question: 'guiding question',
    objectives: 'GCM objectives', countries: 'countries', language: 'language', submittedAt: 'submitted at', approvedAt: 'approved at', replyTo: 'in reply to',
    links: 'links', attachments: 'attachments', text: 'text', sheet: 'Approved submissions',
  },
  fr: {
    id: 'identifiant', title: 'titre', kind: 'type', author: 'auteur', organisation: 'organisation', category: 'catégorie de parties prenantes', question: "question d'orientation",
    objectives: 'objectifs du Pacte mondial', countries: 'pays', language: 'langue', submittedAt: 'soumise le', approvedAt: 'approuvée le', replyTo: 'en réponse à',
    links: 'liens', attachments: 'pièces jointes', text: 'texte', sheet: 'Contributions approuvées',
  },
  es: {
    id: 'identificador', title: 'título', kind: 'tipo', author: 'autor', organisation: 'organización', category: 'categoría de parte interesada', question: 'pregunta orientativa',
    objectives: 'objetivos del Pacto Mundial', countries: 'países', language: 'idioma', submittedAt: 'enviada el', approvedAt: 'aprobada el', replyTo: 'en respuesta a',
    links: 'enlaces', attachments: 'archivos adjuntos', text: 'texto', sheet: 'Contribuciones aprobadas',
  },
  ar: {
    id: 'المعرِّف', title: 'العنوان', kind: 'النوع', author: 'المؤلف', organisation: 'المنظمة', category: 'فئة أصحاب المصلحة', question: 'السؤال التوجيهي',
    objectives: 'أهداف الاتفاق العالمي', countries: 'البلدان', language: 'اللغة', submittedAt: 'تاريخ التقديم', approvedAt: 'تاريخ القبول', replyTo: 'ردًّا على',
    links: 'الروابط', attachments: 'المرفقات', text: 'النص', sheet: 'المساهمات المقبولة',
  },
  ru: {
    id: 'идентификатор', title: 'заголовок', kind: 'вид', author: 'автор', organisation: 'организация', category: 'категория заинтересованных сторон', question: 'руководящий вопрос',
    objectives: 'цели Глобального договора', countries: 'страны', language: 'язык', submittedAt: 'дата представления', approvedAt: 'дата одобрения', replyTo: 'в ответ на',
    links: 'ссылки', attachments: 'вложения', text: 'текст', sheet: 'Одобренные материалы',
  },
  zh: {
    id: '编号', title: '标题', kind: '类型', author: '作者', organisation: '组织', category: '利益攸关方类别', question: '指导问题',
    objectives: '《全球移民契约》目标', countries: '国家', language: '语言', submittedAt: '提交时间', approvedAt: '批准时间', replyTo: '回复',
    links: '链接', attachments: '附件', text: '正文', sheet: '已批准的提交内容',
  },
};
