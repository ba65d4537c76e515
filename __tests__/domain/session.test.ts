import { db } from "@/lib/db";
import { bumpSessionVersion, loadSessionUser } from "@/lib/auth/session";
import { createActiveUser } from "@/lib/auth/users";
import { resetDatabase, useTestDatabase } from "../helpers/database";

useTestDatabase();
beforeEach(resetDatabase);

describe("session version", () => {
  it("accepts a token that carries the user's current version", async () => {
    const user = await createActiveUser({ email: "a@example.com", name: "A", password: "a long enough password" });
    expect(await loadSessionUser({ sub: user.id, sv: user.sessionVersion })).toMatchObject({ id: user.id, name: "A", role: "CLIENT" });
  });

  it("ends an existing session once the version is bumped", async () => {
    const user = await createActiveUser({ email: "a@example.com", name: "A", password: "a long enough password" });
    const token = { sub: user.id, sv: user.sessionVersion };
    const next = await bumpSessionVersion(user.id);
    expect(await loadSessionUser(token)).toBeNull();
    expect(await loadSessionUser({ sub: user.id, sv: next })).not.toBeNull();
  });

  it("ends the session of a deactivated or deleted user", async () => {
    const user = await createActiveUser({ email: "a@example.com", name: "A", password: "a long enough password" });
    const token = { sub: user.id, sv: user.sessionVersion };
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await loadSessionUser(token)).toBeNull();
    await db.user.delete({ where: { id: user.id } });
    expect(await loadSessionUser(token)).toBeNull();
  });

  it("refuses a token without a version", async () => {
    const user = await createActiveUser({ email: "a@example.com", name: "A", password: "a long enough password" });
    expect(await loadSessionUser({ sub: user.id })).toBeNull();
  });
});
