import { reviewer } from '../pages/reviewer/messages';
import { supervisor } from '../pages/supervisor/messages';
import { admin } from '../pages/admin/messages';
import { operator } from '../pages/operator/messages';
import { auditor } from '../pages/auditor/messages';
import { hearing } from '../pages/hearing/messages';
import { complaint } from '../pages/complaint/messages';
import { payments } from '../pages/payments/messages';

/**
 * Each screen's labels, one namespace per role's area (its own folder owns them); the hearing and the
 * complaint have their own, as reviewers and supervisors share their screens.
 */
export const areas = { reviewer, supervisor, admin, operator, auditor, payments, hearing, complaint };
