import type { User } from '../../http/types';

// The users list answers with a user shape the server owns; read it tolerantly.
export const homeUnitName = (u: User) => u.homeUnit?.name ?? '';
export const maskedPhone = (u: User) => u.phoneMasked ?? null;
