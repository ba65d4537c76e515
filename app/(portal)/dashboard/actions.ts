"use server";

import { redirect } from "next/navigation";
import { acceptCookies } from "@/lib/auth/users";
import { requireUser } from "@/lib/guards";

export async function acceptCookiesAction() {
  const user = await requireUser();
  await acceptCookies(user.id);
  redirect("/dashboard");
}
