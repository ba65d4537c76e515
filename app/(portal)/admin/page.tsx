import type { Metadata } from "next";
import { listClients } from "@/lib/auth/admin";
import { requireAdmin } from "@/lib/guards";
import { searchSchema } from "@/lib/validation";
import { Alert } from "@/components/alert";
import { Panel } from "@/components/panel";
import { buttonClass } from "@/components/button-styles";
import { ActivateClientForm } from "./activate-form";
import { ClientTable } from "./client-table";
import { activateClientAction, clientAction } from "./actions";

export const metadata: Metadata = { title: "Admin" };

const notices: Record<string, { tone: "success" | "error"; text: string }> = {
  resend: { tone: "success", text: "The welcome email has been sent again." },
  unlock: { tone: "success", text: "The account has been unlocked. Its other sessions have ended." },
  deactivate: { tone: "success", text: "The account has been deactivated. Its sessions have ended." },
  reactivate: { tone: "success", text: "The account has been reactivated." },
  "email-failed": { tone: "error", text: "The welcome email could not be sent. Check the mail settings, then use Resend welcome email to try again." },
  "not-invited": { tone: "error", text: "That client has already set a password; a welcome email is no longer needed." },
  "not-found": { tone: "error", text: "That client no longer exists." },
  self: { tone: "error", text: "You cannot deactivate your own account." },
  "rate-limited": { tone: "error", text: "Too many welcome emails have gone to that address in the last hour. Try again later." },
  invalid: { tone: "error", text: "That action is not available." },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const search = searchSchema.parse(params.q);
  const notice = typeof params.notice === "string" ? notices[params.notice] : undefined;
  const clients = await listClients({ userId: admin.id }, search);

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Admin</h1>
      <p className="mt-1 text-slate-600">Activate clients and look after their accounts.</p>
      <div className="mt-8 grid gap-6">
        <Panel id="activate-heading" title="Activate client" description="Creates the client and emails a welcome link to set their password.">
          <ActivateClientForm action={activateClientAction} />
        </Panel>
        <Panel id="clients-heading" title="Clients">
          {notice && <Alert tone={notice.tone} className="mb-4">{notice.text}</Alert>}
          <form role="search" className="mb-4 flex flex-wrap items-end gap-2">
            <div className="grow">
              <label htmlFor="q" className="block text-sm font-medium text-slate-800">Search clients</label>
              <input id="q" name="q" type="search" defaultValue={search} maxLength={100} placeholder="Name or email address" className="mt-1.5 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-2 focus:outline-brand-600/30" />
            </div>
            <button type="submit" className={buttonClass("secondary")}>Search</button>
          </form>
          <ClientTable clients={clients} action={clientAction} search={search} currentUserId={admin.id} />
        </Panel>
      </div>
    </>
  );
}
