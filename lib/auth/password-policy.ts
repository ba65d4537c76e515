import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { PASSWORD_MAX_BYTES, passwordByteLength } from "@/lib/auth/password";

export { PASSWORD_MIN_CHARACTERS } from "@/lib/password-rules";
import { PASSWORD_MIN_CHARACTERS } from "@/lib/password-rules";
const MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;

function getZxcvbn() {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return zxcvbn;
}

/**
 * What is wrong with a new password, in words a person can act on, or null when it is fine.
 * `personal` are the user's own details (email, name), which make a password easy to guess.
 */
export function describePasswordProblem(password: string, personal: string[] = []): string | null {
  if ([...password].length < PASSWORD_MIN_CHARACTERS) return `Use at least ${PASSWORD_MIN_CHARACTERS} characters.`;
  if (passwordByteLength(password) > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes: about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji.`;
  }
  const inputs = personal.flatMap((value) => [value, ...value.split(/[@.\s_-]+/)]).map((value) => value.toLowerCase()).filter((value) => value.length >= 3);
  const result = getZxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, ".")} ` : "";
  return `This password is too common or too easy to guess. ${warning}Try a longer phrase of unrelated words.`;
}
