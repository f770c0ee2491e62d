import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../domain/validators/phone';
import type { Config } from '../config';

// The SMS sender hook: how a text (for now, the code proving a person behind a call-up sign-up) reaches
// a phone. Chosen by WANGGE_SMS (docs/operations.md):
// - webhook: POST {"phone","text"} as JSON to WANGGE_SMS_WEBHOOK_URL, the operator's SMS gateway (or a
//   small adapter in front of a provider's API); any 2xx is sent, anything else is an error;
// - console: the text goes to the server log at level warn, with the phone masked (an operator without a
//   gateway reads the code out, e.g. at a sign-up desk);
// - dev: as console, and the caller shows the code on the page (demo, tests): no proof at all, never
//   for a real deployment.

export interface SmsSender {
  readonly kind: Config['smsSender'];
  send(phone: string, text: string, log: FastifyBaseLogger): Promise<void>;
}

export function createSmsSender(config: Pick<Config, 'smsSender' | 'smsWebhookUrl'>): SmsSender {
  const kind = config.smsSender;
  const url = config.smsWebhookUrl;
  if (kind === 'webhook' && url)
    return {
      kind,
      async send(phone, text) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone, text }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      },
    };
  return {
    kind: kind === 'dev' ? 'dev' : 'console',
    async send(phone, text, log) {
      log.warn({ sms: { to: maskPhone(phone), text } }, 'SMS (no gateway configured: WANGGE_SMS)');
    },
  };
}

const senders = new WeakMap<object, SmsSender>();

/** The sender of a configuration, made once. */
export function smsSenderOf(config: Config): SmsSender {
  let sender = senders.get(config);
  if (!sender) {
    sender = createSmsSender(config);
    senders.set(config, sender);
  }
  return sender;
}

/** What the start says of the sender when the codes reach no phone (console, dev); nothing for a gateway. */
export function smsNotice(kind: Config['smsSender']): string[] {
  if (kind === 'webhook') return [];
  if (kind === 'console')
    return [
      'call-up sign-up codes: written to the server log, not sent (WANGGE_SMS=console); set WANGGE_SMS_WEBHOOK_URL to send them by SMS',
    ];
  return [
    'call-up sign-up codes: SHOWN ON THE SIGN-UP PAGE (WANGGE_SMS=dev): no proof of a person, for the demo and tests only;',
    'set WANGGE_SMS_WEBHOOK_URL for real use. 报名验证码直接显示在页面上，仅供演示；正式使用请配置短信网关。',
  ];
}
