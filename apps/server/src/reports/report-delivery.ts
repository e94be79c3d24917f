// Delivers a rendered report: over SMTP with nodemailer (settings from CENTRIC_SMTP_URL and
// CENTRIC_MAIL_FROM), or as files under the reports directory. A file delivery's directory is
// resolved below that root and may not leave it: whoever holds a project's secret key may
// save a report, but must not write anywhere the server can.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { CentricError } from '../errors';
import type { ReportEmail } from './report-output';

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://...; empty: e-mail is off. */
  smtpUrl: string;
  mailFrom: string;
}

/** Sends one report e-mail; answers the message id and the accepted recipients. */
export async function sendReportEmail(
  settings: MailSettings,
  { to, email }: { to: readonly string[]; email: ReportEmail },
): Promise<{ messageId: string; accepted: string[] }> {
  if (settings.smtpUrl === '')
    throw new CentricError('unavailable', 'e-mail delivery is off: set CENTRIC_SMTP_URL and restart Centric');
  // Short timeouts: a mail server that does not answer must not hold the scheduler for minutes.
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  try {
    const info = await transport.sendMail({
      from: settings.mailFrom,
      to: [...to],
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
        ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' as const } : {}),
      })),
    });
    const accepted = info.accepted.map(String);
    if (accepted.length === 0) throw new Error(`the mail server accepted none of ${to.join(', ')}`);
    return { messageId: info.messageId, accepted };
  } finally {
    transport.close();
  }
}

/** The absolute directory of a file delivery; refuses one outside the reports root. */
export function deliveryDir(root: string, dir: string): string {
  const target = resolve(root, dir);
  const rel = relative(resolve(root), target);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new CentricError(
      'invalid_query',
      `a report directory must lie under the reports directory ${root} (CENTRIC_REPORTS_DIR), got "${dir}"`,
    );
  return target;
}

/**
 * Writes report files into a delivery directory, each through a temporary name and a rename,
 * so a reader (a sync job, a web server) never sees half a file.
 */
export function writeReportFiles(
  dir: string,
  files: readonly { fileName: string; content: string }[],
): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map(({ fileName, content }) => {
    const path = join(dir, fileName);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, content, 'utf8');
    renameSync(temporary, path);
    return path;
  });
}
