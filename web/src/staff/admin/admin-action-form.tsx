"use client";
// A form whose submission is an administrator's Server Action: shows the outcome next to the button (as a
// status, or an alert when refused), and a value the api shows once in a read-only field to copy.
import { useActionState, useId, type ReactNode } from "react";
import { Button } from "../../components/ui/button";
import { Input } from "../../components/ui/input";
import { cn } from "../../components/ui/cn";
import type { AdminActionState } from "./admin-actions";

export function AdminActionForm({
  action,
  submitLabel,
  variant = "default",
  className,
  secretLabel = "Shown once",
  testId,
  children,
}: {
  action: (previous: AdminActionState | null, form: FormData) => Promise<AdminActionState>;
  submitLabel: string;
  variant?: "default" | "outline" | "destructive" | "secondary";
  className?: string;
  secretLabel?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const secretId = useId();
  return (
    <form action={formAction} className={cn("flex flex-wrap items-end gap-2", className)} data-testid={testId}>
      {children}
      <Button type="submit" variant={variant} size="sm" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
      {state && (
        <p
          role={state.ok ? "status" : "alert"}
          className={cn("basis-full text-sm", state.ok ? "text-success" : "text-destructive")}
        >
          {state.message}
        </p>
      )}
      {state?.secret && (
        <div className="flex basis-full flex-col gap-1 text-sm">
          <label htmlFor={secretId} className="font-medium">
            {secretLabel}
          </label>
          <Input
            id={secretId}
            readOnly
            value={state.secret}
            data-testid="shown-once"
            onFocus={(event) => event.target.select()}
          />
        </div>
      )}
    </form>
  );
}
