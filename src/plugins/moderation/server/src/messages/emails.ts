import { IntlMessageFormat } from 'intl-messageformat';
import type { LanguageCode } from '../../../../../reference/gcm';

/**
 * The e-mails of the moderation plugin in the six UN languages, as ICU MessageFormat (the syntax
 * react-intl reads): each message is a whole sentence or text, never assembled from pieces, so that
 * word order and plurals stay the translator's. Apostrophes are typographic (’): a straight one
 * before a brace would start an ICU quotation.
 */

/** What each message is given; titles, reasons and region names are inserted as written. */
export type EmailValues = {
  'approved.subject': Record<string, never>;
  'approved.body': { title: string };
  'rejected.subject': Record<string, never>;
  'rejected.body': { title: string; reason: string };
  'replied.subject': Record<string, never>;
  'replied.body': { title: string };
  'submitted.subject': { region: string; title: string };
  'submitted.body': { regionName: string; title: string; link: string };
  'digest.subject': { region: string; count: number };
  'digest.body': { regionName: string; count: number; titles: string; link: string };
};

export type EmailKey = keyof EmailValues;

export const EMAILS: { [K in EmailKey]: Record<LanguageCode, string> } = {
  'approved.subject': {
    en: 'Your submission is published',
    fr: 'Votre contribution a été publiée',
    es: 'Su contribución ha sido publicada',
    ar: 'تم نشر مشاركتكم',
    ru: 'Ваш материал опубликован',
    zh: '您提交的内容已发布',
  },
  'approved.body': {
    en: 'Dear participant,\n\nYour submission "{title}" has been approved by a moderator and is now published in the discussion space.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nVotre contribution «\u00a0{title}\u00a0» a été approuvée par l’équipe de modération et est désormais publiée dans l’espace de discussion.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nSu contribución «{title}» ha sido aprobada por el equipo de moderación y ya está publicada en el espacio de debate.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nيسرّنا إبلاغكم بأن فريق الإشراف قد وافق على مشاركتكم «{title}»، وقد نُشرت الآن في منتدى النقاش.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nВаш материал «{title}» одобрен модератором и опубликован на дискуссионной площадке.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n您提交的“{title}”已由审核员审核通过，现已在讨论区发布。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'rejected.subject': {
    en: 'Your submission was not approved',
    fr: 'Votre contribution n’a pas été retenue',
    es: 'Su contribución no ha sido aprobada',
    ar: 'لم تتم الموافقة على مشاركتكم',
    ru: 'Ваш материал не одобрен',
    zh: '您提交的内容未通过审核',
  },
  'rejected.body': {
    en: 'Dear participant,\n\nWe regret to inform you that your submission "{title}" was not approved by the moderators.\n\nReason: {reason}\n\nYou can see your submission, with this reason, in your own list of submissions.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nNous avons le regret de vous informer que votre contribution «\u00a0{title}\u00a0» n’a pas été retenue par l’équipe de modération.\n\nMotif\u00a0: {reason}\n\nVous pouvez consulter votre contribution, accompagnée de ce motif, dans la liste de vos contributions.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nLamentamos informarle de que su contribución «{title}» no ha sido aprobada por el equipo de moderación.\n\nMotivo: {reason}\n\nPuede consultar su contribución, junto con este motivo, en su lista de contribuciones.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nنأسف لإبلاغكم بأن فريق الإشراف لم يوافق على مشاركتكم «{title}».\n\nالسبب: {reason}\n\nيمكنكم الاطلاع على مشاركتكم، مع بيان هذا السبب، في قائمة مشاركاتكم.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nС сожалением сообщаем, что модераторы не одобрили Ваш материал «{title}».\n\nПричина: {reason}\n\nВаш материал с указанием этой причины доступен в Вашем списке материалов.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n很遗憾地通知您，您提交的“{title}”未通过审核。\n\n理由：{reason}\n\n您可在自己的提交列表中查看该内容及上述理由。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'replied.subject': {
    en: 'A moderator replied to your submission',
    fr: 'L’équipe de modération a répondu à votre contribution',
    es: 'El equipo de moderación ha respondido a su contribución',
    ar: 'ردّ أحد المشرفين على مشاركتكم',
    ru: 'Модератор ответил на Ваш материал',
    zh: '审核员已回复您提交的内容',
  },
  'replied.body': {
    en: 'Dear participant,\n\nA moderator has replied to your submission "{title}". The reply is shown with your submission while it is published.\n\nWith kind regards,\nThe moderation team\n',
    fr: 'Madame, Monsieur,\n\nL’équipe de modération a répondu à votre contribution «\u00a0{title}\u00a0». Cette réponse est affichée avec votre contribution tant que celle-ci est publiée.\n\nAvec nos salutations distinguées,\nL’équipe de modération\n',
    es: 'Estimado/a participante:\n\nEl equipo de moderación ha respondido a su contribución «{title}». La respuesta se muestra junto con su contribución mientras esta permanezca publicada.\n\nAtentamente,\nEl equipo de moderación\n',
    ar: 'تحية طيبة، وبعد،\n\nردّ أحد المشرفين على مشاركتكم «{title}». ويُعرض الرد مع مشاركتكم طوال مدة نشرها.\n\nوتفضلوا بقبول فائق الاحترام،\nفريق الإشراف\n',
    ru: 'Уважаемый участник!\n\nМодератор ответил на Ваш материал «{title}». Ответ отображается вместе с Вашим материалом в течение всего срока его публикации.\n\nС уважением,\nКоманда модераторов\n',
    zh: '尊敬的参与者：\n\n审核员已回复您提交的“{title}”。在该内容发布期间，回复将与其一并显示。\n\n此致\n敬礼\n\n审核团队\n',
  },
  'submitted.subject': {
    en: '[{region}] New submission waiting: {title}',
    fr: '[{region}] Nouvelle contribution en attente\u00a0: {title}',
    es: '[{region}] Nueva contribución pendiente: {title}',
    ar: '[{region}] مشاركة جديدة بانتظار المراجعة: {title}',
    ru: '[{region}] Новый материал ожидает модерации: {title}',
    zh: '[{region}] 新提交内容待审核：{title}',
  },
  'submitted.body': {
    en: 'A new submission is waiting for moderation in the {regionName} discussion space:\n\n  {title}\n\nOpen it: {link}\n',
    fr: 'Une nouvelle contribution est en attente de modération dans l’espace de discussion «\u00a0{regionName}\u00a0»\u00a0:\n\n  {title}\n\nPour l’ouvrir\u00a0: {link}\n',
    es: 'Hay una nueva contribución pendiente de moderación en el espacio de debate «{regionName}»:\n\n  {title}\n\nPara abrirla: {link}\n',
    ar: 'توجد مشاركة جديدة بانتظار المراجعة في منتدى النقاش «{regionName}»:\n\n  {title}\n\nلفتحها: {link}\n',
    ru: 'На дискуссионной площадке «{regionName}» новый материал ожидает модерации:\n\n  {title}\n\nОткрыть: {link}\n',
    zh: '“{regionName}”讨论区有一条新提交的内容待审核：\n\n  {title}\n\n点击打开：{link}\n',
  },
  'digest.subject': {
    en: '[{region}] {count, plural, one {# new submission waiting} other {# new submissions waiting}}',
    fr: '[{region}] {count, plural, one {# nouvelle contribution en attente} other {# nouvelles contributions en attente}}',
    es: '[{region}] {count, plural, one {# nueva contribución pendiente} other {# nuevas contribuciones pendientes}}',
    ar: '[{region}] {count, plural, one {مشاركة جديدة واحدة بانتظار المراجعة} two {مشاركتان جديدتان بانتظار المراجعة} few {# مشاركات جديدة بانتظار المراجعة} other {# مشاركة جديدة بانتظار المراجعة}}',
    ru: '[{region}] {count, plural, one {# новый материал ожидает модерации} few {# новых материала ожидают модерации} many {# новых материалов ожидают модерации} other {# нового материала ожидают модерации}}',
    zh: '[{region}] {count, plural, other {# 条新提交内容待审核}}',
  },
  'digest.body': {
    en: '{count, plural, one {# new submission in the {regionName} discussion space since the last digest:} other {# new submissions in the {regionName} discussion space since the last digest:}}\n\n{titles}\n\nThe queue: {link}\n',
    fr: '{count, plural, one {# nouvelle contribution dans l’espace de discussion «\u00a0{regionName}\u00a0» depuis le dernier récapitulatif\u00a0:} other {# nouvelles contributions dans l’espace de discussion «\u00a0{regionName}\u00a0» depuis le dernier récapitulatif\u00a0:}}\n\n{titles}\n\nFile d’attente\u00a0: {link}\n',
    es: '{count, plural, one {# nueva contribución en el espacio de debate «{regionName}» desde el último resumen:} other {# nuevas contribuciones en el espacio de debate «{regionName}» desde el último resumen:}}\n\n{titles}\n\nCola de moderación: {link}\n',
    ar: '{count, plural, one {وردت مشاركة جديدة واحدة إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:} two {وردت مشاركتان جديدتان إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:} few {وردت # مشاركات جديدة إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:} other {وردت # مشاركة جديدة إلى منتدى النقاش «{regionName}» منذ الملخص الأخير:}}\n\n{titles}\n\nالمشاركات بانتظار المراجعة: {link}\n',
    ru: '{count, plural, one {С момента последней сводки на дискуссионной площадке «{regionName}» появился # новый материал:} few {С момента последней сводки на дискуссионной площадке «{regionName}» появилось # новых материала:} many {С момента последней сводки на дискуссионной площадке «{regionName}» появилось # новых материалов:} other {С момента последней сводки на дискуссионной площадке «{regionName}» появилось # нового материала:}}\n\n{titles}\n\nОчередь модерации: {link}\n',
    zh: '{count, plural, other {自上次汇总以来，“{regionName}”讨论区共有 # 条新提交的内容：}}\n\n{titles}\n\n审核队列：{link}\n',
  },
};

// UN Arabic texts write numbers in Western digits, whatever the ICU data's default for 'ar'.
const LOCALES: Record<LanguageCode, string> = { en: 'en', fr: 'fr', es: 'es', ar: 'ar-u-nu-latn', ru: 'ru', zh: 'zh' };

const compiled = new Map<string, IntlMessageFormat>();

/** One message of the catalogue in one language, with its values. */
export function formatEmail<K extends EmailKey>(language: LanguageCode, key: K, values: EmailValues[K]): string {
  const id = `${language}:${key}`;
  let message = compiled.get(id);
  if (!message) {
    // ignoreTag: the e-mails are plain text, a '<' in them is not markup.
    message = new IntlMessageFormat(EMAILS[key][language], LOCALES[language], undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  const out = message.format(values as Record<string, string | number>);
  return Array.isArray(out) ? out.join('') : String(out);
}
