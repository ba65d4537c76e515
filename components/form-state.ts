/** What a server action hands back to its form: never a password, only what to show. */
export type FormState = {
  success?: string;
  error?: string;
  fieldErrors?: Record<string, string | undefined>;
  values?: Record<string, string>;
};

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
