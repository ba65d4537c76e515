import type { ClientRow } from "@/lib/auth/admin";
import type { AccountStatus } from "@/lib/auth/users";
import { buttonClass } from "@/components/button-styles";

const statusStyles: Record<AccountStatus, string> = {
  invited: "bg-amber-50 text-amber-800 ring-amber-200",
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  locked: "bg-red-50 text-red-800 ring-red-200",
  deactivated: "bg-slate-100 text-slate-700 ring-slate-300",
};

const formatDate = (date: Date | null) =>
  date ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC" : "Never";

type ClientTableProps = { clients: ClientRow[]; action: (formData: FormData) => Promise<void>; search: string; currentUserId: string };

export function ClientTable({ clients, action, search, currentUserId }: ClientTableProps) {
  if (clients.length === 0) return <p className="text-sm text-slate-600">No clients match.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Email</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Last sign-in</th>
            <th scope="col" className="py-2 font-semibold"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {clients.map((client) => (
            <tr key={client.id}>
              <td className="py-3 pr-4 font-medium text-slate-900">
                {client.name ?? "—"}
                {client.role === "ADMIN" && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">Admin</span>}
              </td>
              <td className="py-3 pr-4 text-slate-700">{client.email}</td>
              <td className="py-3 pr-4">
                <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${statusStyles[client.status]}`}>{client.status}</span>
              </td>
              <td className="py-3 pr-4 text-slate-700">{formatDate(client.lastSignInAt)}</td>
              <td className="py-3">
                <form action={action} className="flex flex-wrap justify-end gap-2">
                  <input type="hidden" name="userId" value={client.id} />
                  {search && <input type="hidden" name="q" value={search} />}
                  {client.status === "invited" && <RowButton intent="resend" label="Resend welcome email" />}
                  {client.status === "locked" && <RowButton intent="unlock" label="Unlock" />}
                  {client.status === "deactivated" ? (
                    <RowButton intent="reactivate" label="Reactivate" />
                  ) : (
                    client.id !== currentUserId && <RowButton intent="deactivate" label="Deactivate" danger />
                  )}
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowButton({ intent, label, danger = false }: { intent: string; label: string; danger?: boolean }) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={buttonClass(danger ? "danger" : "secondary", "px-3 py-1.5 text-xs")}
    >
      {label}
    </button>
  );
}
