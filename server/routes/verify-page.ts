// The public certificate check, /verify/<code>: a small server-rendered page
// (no app code, works from any phone's camera) that shows only the course,
// what the certificate certifies (self-study, or confirmed in person by a
// team of the ward on a day: server/resident/certificate-basis.ts), the date, the ward and the holder as the
// certificate itself shows them (shared/resident/certificate-holder.ts): a
// self-declared name, or "not shared". A certificate whose completions are
// held for review, or were dismissed, is shown as not valid (its standing,
// server/resident/certificates.ts, the same the phone shows). An unknown or
// mistyped code gets a 404 page that says so.
import { Hono, type Context } from 'hono';
import { DIGITAL_CITIZEN } from '../../shared/resident/certificates.ts';
import { certificateBasis, certificateHolderName, type CertificateBasis } from '../../shared/resident/certificate-holder.ts';
import { CERTIFICATE_CODE_LENGTH, codeProblem, formatCode, normalizeCode } from '../../shared/resident/codes.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import { labelOf } from '../../shared/labels.ts';
import type { AppContext, AppEnv } from '../context.ts';
import type { Resident } from '../resident/index.ts';
import type { CertificateStanding } from '../../shared/resident/api.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** What each kind of certificate certifies, with its date (and, in person, the team and ward). */
const BASIS: Record<CertificateBasis, (w: { date: string; team: { vi: string; en: string }; ward: string }) => string> = {
  'self-study': ({ date }) => `Tự học trên điện thoại, hoàn thành ngày ${date}<br><span class="en">Self-study on a phone, completed on ${date}</span>`,
  'in-person': ({ date, team, ward }) =>
    `Học trực tiếp, được ${escape(team.vi)} ${escape(ward)} xác nhận ngày ${date}<br><span class="en">Confirmed in person by the ${escape(team.en)} of ${escape(ward)} on ${date}</span>`,
};
/** The team's name in both languages; a guide without a team is "the ward's guides". */
const teamWords = (team: string | null) =>
  team ? { vi: labelOf('vi', 'team', team), en: labelOf('en', 'team', team).replace(/^./, (c) => c.toLowerCase()) } : { vi: 'người hướng dẫn', en: 'guides' };
/** A YYYY-MM-DD day as d/m/y. */
const dmy = (day: string) => day.split('-').reverse().join('/');

/** The heading per standing: only a valid certificate is called valid. */
const HEADING: Record<CertificateStanding, string> = {
  valid: '<h1 class="ok">✓ Chứng nhận hợp lệ<br><span class="en">Valid certificate</span></h1>',
  'under-review':
    '<h1 class="bad">✗ Chứng nhận chưa có hiệu lực<br><span class="en">Not valid yet</span></h1>\n<p>Phường, xã đang kiểm tra các bài học làm nên chứng nhận này. Chứng nhận chỉ có hiệu lực khi cán bộ chấp nhận các bài học đó.</p>\n<p class="en">The ward is checking the lessons behind this certificate. It is valid only once an officer accepts them.</p>',
  withdrawn:
    '<h1 class="bad">✗ Chứng nhận không có hiệu lực<br><span class="en">Not valid</span></h1>\n<p>Phường, xã đã kiểm tra và không công nhận các bài học làm nên chứng nhận này.</p>\n<p class="en">The ward checked the lessons behind this certificate and did not accept them.</p>',
};

const DIGITAL_CITIZEN_TITLE = { vi: 'Công dân số — năm kỹ năng số cơ bản', en: 'Digital citizen — the five basic digital skills' };

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><meta name="robots" content="noindex">
<style>
body{font:18px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:#1a1a1a;margin:0;padding:0 .75rem;background:#f3f6f9}
main{max-width:36rem;margin:1rem auto;padding:1.25rem;background:#fff;border:2px solid #0b4f8a;border-radius:12px}
h1{font-size:1.4rem;margin:0 0 .75rem}.en{color:#4a4a4a;font-size:.9rem}
dl{margin:0}dt{font-weight:700;margin-top:.75rem}dd{margin:0}
.ok{color:#1b6b3a}.bad{color:#a61b1b}a{color:#0b4f8a}.back{margin-top:1.25rem}
</style></head><body><main>${body}
<p class="back"><a href="/">Mở ứng dụng Học vụ số</a> <span class="en">/ Open the Học vụ số app</span></p></main></body></html>`;
}

export function verifyPageRoutes(ctx: AppContext, resident: Resident) {
  const send = (c: Context<AppEnv>, status: 200 | 404, html: string) => {
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(html, status);
  };

  return new Hono<AppEnv>().get('/:code', async (c) => {
    // Hono has already decoded the path (a malformed escape stays as typed).
    const code = normalizeCode(c.req.param('code').slice(0, 40));
    const problem = codeProblem(code, CERTIFICATE_CODE_LENGTH);
    const cert = problem ? null : await resident.certificates.byCode(code);
    if (!cert) {
      const typo = problem === 'check';
      return send(
        c,
        404,
        page(
          'Không tìm thấy chứng nhận',
          `<h1 class="bad">✗ Không tìm thấy chứng nhận<br><span class="en">No certificate found</span></h1>
<p>${typo ? 'Mã này có ký tự bị gõ sai. Hãy kiểm tra từng ký tự.' : 'Không có chứng nhận nào mang mã này. Chứng nhận có thể chưa từng được cấp, hoặc người học đã xóa dữ liệu của mình.'}</p>
<p class="en">${typo ? 'This code has a typo: check each character.' : 'No certificate carries this code. It was never issued, or the learner has deleted their data.'}</p>`,
        ),
      );
    }
    const title = cert.courseId === DIGITAL_CITIZEN ? DIGITAL_CITIZEN_TITLE : resident.catalog.title(cert.courseId) ?? { vi: cert.courseId, en: cert.courseId };
    // The skill the course belongs to, named as the certificate names it (the "Công dân số" certificate covers all five).
    const skill = cert.courseId === DIGITAL_CITIZEN ? undefined : resident.catalog.courses.find((c) => c.id === cert.courseId)?.skill;
    const [y, m, d] = vietnamDay(cert.issuedAt).split('-');
    const holder = await resident.profiles.read(cert.learnerId);
    const wardShown = (await resident.ward.public()).name;
    const name = certificateHolderName(holder.profile?.displayName, holder.consent !== null);
    ctx.logger.debug('certificate verified', { standing: cert.standing });
    return send(
      c,
      200,
      page(
        `Chứng nhận ${formatCode(code)}`,
        `${HEADING[cert.standing]}
<dl data-standing="${cert.standing}">
<dt>Khóa học <span class="en">/ Course</span></dt><dd>${escape(title.vi)}<br><span class="en">${escape(title.en)}</span></dd>${
          skill ? `\n<dt>Kỹ năng <span class="en">/ Skill</span></dt><dd data-testid="skill">${escape(labelOf('vi', 'skill', skill))}<br><span class="en">${escape(labelOf('en', 'skill', skill))}</span></dd>` : ''
        }
<dt>Chứng nhận việc <span class="en">/ Certifies</span></dt><dd data-basis="${certificateBasis(cert)}">${BASIS[certificateBasis(cert)]({ date: cert.basis.date ? dmy(cert.basis.date) : `${d}/${m}/${y}`, team: teamWords(cert.basis.team), ward: wardShown })}</dd>
<dt>Ngày cấp <span class="en">/ Date</span></dt><dd>${d}/${m}/${y}</dd>
<dt>Phường, xã <span class="en">/ Ward or commune</span></dt><dd>${escape(wardShown)}</dd>
<dt>Người học <span class="en">/ Learner</span></dt><dd data-testid="holder">${
          name
            ? `${escape(name)} <span class="en">(tên tự khai, không được kiểm tra / self-declared name, not checked)</span>`
            : 'Không chia sẻ tên <span class="en">(name not shared)</span>'
        }</dd>
<dt>Mã <span class="en">/ Code</span></dt><dd>${formatCode(code)}</dd>
</dl>`,
      ),
    );
  });
}
