import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";

/** Every page and action checks the session itself; middleware is only the first gate. */
export async function requireUser() {
  const session = await auth();
  if (!session?.user?.id) redirect("/login");
  return session.user;
}

export async function requireAdmin() {
  const user = await requireUser();
  if (user.role !== "ADMIN") redirect("/dashboard");
  return user;
}
