import { reviewer } from '../pages/reviewer/messages';
import { supervisor } from '../pages/supervisor/messages';
import { admin } from '../pages/admin/messages';
import { operator } from '../pages/operator/messages';
import { auditor } from '../pages/auditor/messages';

/** Each screen's labels, one namespace per role's area (its own folder owns them). */
export const areas = { reviewer, supervisor, admin, operator, auditor };
