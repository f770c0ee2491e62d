import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// Whether a new password may be set: 8 characters or more with letters and digits (the rule the forms
// show as you type), not made of the username, and not easy to guess: zxcvbn-ts with the common-password
// list of @zxcvbn-ts/language-common and the common passwords of Chinese users below (pinyin, 1314, 520),
// which that list lacks. zxcvbn also finds keyboard walks, sequences, repeats, dates and l33t spellings.

export const MIN_PASSWORD_LENGTH = 8;
/** zxcvbn's score (0–4) a password needs: 2 is more than 10^8 guesses, far beyond what lockout allows online. */
export const MIN_PASSWORD_SCORE = 2;
/** Characters zxcvbn looks at: a longer password is strong by its length; the cap bounds the work. */
const CHECKED_LENGTH = 64;

/** Common passwords and words of Chinese users, most common first (lower case). */
const COMMON_ZH = [
  'woaini1314',
  'woaini520',
  'woaini521',
  'a5201314',
  '5201314a',
  'qq123456',
  'qq5201314',
  'a123456789',
  'a12345678',
  'a1234567',
  'aa123456',
  'abc123456',
  '123456abc',
  '123456aa',
  '123456qq',
  'qwe123456',
  'asd123456',
  'zxc123456',
  'abc123123',
  'qwe123123',
  'woaini123',
  'nihao123',
  'nihao123456',
  'aini1314',
  'iloveyou1314',
  'wo5201314',
  '1314520a',
  'admin123',
  'admin888',
  'admin8888',
  'dearbook',
  'xiazhili',
  'woaini',
  'nihao',
  'wocao',
  'caonima',
  'zhongguo',
  'beijing',
  'shanghai',
  'zhengzhou',
  'henan',
  'tiantian',
  'xiaoming',
  'xiaohong',
  'laopo',
  'laogong',
  'baobao',
  'baobei',
  'zhangwei',
  'wangwei',
  'wangfang',
  'liwei',
  'lijing',
  'wangjing',
  'liuyang',
  'zhangjie',
  'wangyang',
  'zhangyong',
  'wanglei',
  'zhangli',
  'wangqiang',
  'lijun',
  'zhangtao',
  'liqiang',
  'zhangjun',
  'wangjun',
  'liuwei',
  'zhanglei',
  'zhang',
  'wang',
  'chen',
  'yang',
  'zhao',
  'huang',
  'zhou',
  'xiao',
];

let factory: ZxcvbnFactory | undefined;
/** Built on first use (about half a second: the dictionaries are ranked). */
function zxcvbn() {
  factory ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: { ...dictionary, 'passwords-zh': COMMON_ZH },
    maxLength: CHECKED_LENGTH,
  });
  return factory;
}

/** What is wrong with a new password (a message key), or null when it may be set. */
export type PasswordProblem = 'error.weak_password' | 'error.password_has_username' | 'error.common_password';

export function passwordProblem(
  password: string,
  about: { username?: string; displayName?: string } = {},
): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    return 'error.weak_password';
  }
  const username = about.username?.trim().toLowerCase() ?? '';
  const lower = password.toLowerCase();
  // the username with a digit or two around it is the first guess of anyone who knows it
  if (username.length >= 3 && (lower.includes(username) || username.includes(lower))) {
    return 'error.password_has_username';
  }
  const inputs = [username, ...username.split(/[^a-z0-9]+/), about.displayName ?? ''].filter(
    (w) => w.length >= 3,
  );
  const { score } = zxcvbn().check(password.slice(0, CHECKED_LENGTH), inputs);
  return score < MIN_PASSWORD_SCORE ? 'error.common_password' : null;
}
