"use server";

import { revalidatePath } from "next/cache";
import { updateName } from "@/lib/auth/users";
import { requireUser } from "@/lib/guards";
import { firstFieldErrors, formText, nameSchema } from "@/lib/validation";
import type { FormState } from "@/components/form-state";

export async function updateNameAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = nameSchema.safeParse({ name: formText(formData, "name") });
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values: { name: formText(formData, "name") ?? "" } };
  await updateName(user.id, parsed.data.name);
  revalidatePath("/", "layout");
  return { success: "Your name has been saved.", values: { name: parsed.data.name } };
}
