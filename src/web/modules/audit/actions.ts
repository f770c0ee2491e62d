import i18n from '../../i18n';
import zhCN from '../../i18n/zh-CN';

/** The audit actions the UI has names for (the filter offers these). */
export const KNOWN_ACTIONS = Object.keys(zhCN.audit.actions) as (keyof typeof zhCN.audit.actions)[];

/** The label of an audit action in the UI language; an unknown action shows as written. */
export function actionLabel(action: string): string {
  return (KNOWN_ACTIONS as string[]).includes(action)
    ? i18n.t(`audit.actions.${action as (typeof KNOWN_ACTIONS)[number]}`)
    : action;
}
