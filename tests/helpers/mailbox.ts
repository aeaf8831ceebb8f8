import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Mail = { to: string[]; subject: string; text: string };

export type Mailbox = {
  env: Record<string, string>;
  messages: Mail[];
  clear: () => void;
  /** While true, every recipient is refused with a temporary failure (451), as a mail server that is struggling does. */
  refuse: (refusing: boolean) => void;
  /** How many recipients were refused so far. */
  refused: () => number;
  stop: () => Promise<void>;
};

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startMailbox(): Promise<Mailbox> {
  const messages: Mail[] = [];
  let refusing = false;
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      refusals += 1;
      callback(Object.assign(new Error('Try again later: the mailbox is busy'), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address ?? '') : []));
          messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  // A sender that hangs up mid-conversation (an instance being stopped) resets its connection;
  // the server reports it as an 'error' event, which unheard would end the test file. The tests
  // judge by the messages received.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    env: { EMAIL_PROVIDER: 'smtp', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_IGNORE_TLS: 'true' },
    messages,
    clear: () => messages.splice(0, messages.length),
    refuse: (value) => {
      refusing = value;
    },
    refused: () => refusals,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `predicate` holds for the mailbox (e-mails are sent after the response). */
export async function waitForMail(messages: Mail[], predicate: (m: Mail) => boolean, timeoutMs = 10000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = messages.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail matched within ${timeoutMs} ms; received: ${JSON.stringify(messages.map((m) => [m.to, m.subject]))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
