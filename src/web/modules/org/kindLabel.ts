import type { TFunction } from 'i18next';
import { divisionVariant } from '../../../domain/org/divisionNames';
import i18n from '../../i18n';

/**
 * The kind of a unit as the UI says it: a community is 社区 / Community and a village 村 / Village, a
 * street 街道 / Street and a town 乡镇 / Town (their official or short name tells); the kind alone when
 * neither does (社区/村 / Community / village).
 */
export function kindLabel(
  u: { kind: string; name?: string; officialName?: string | null },
  t?: TFunction,
): string {
  const tr = t ?? i18n.t.bind(i18n);
  const variant = u.name ? divisionVariant(u.kind, u.name, u.officialName) : undefined;
  return variant ? tr(`kindVariant.${variant}`) : tr(`kind.${u.kind as 'village'}`);
}
