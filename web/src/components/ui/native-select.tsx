// NativeSelect (shadcn/ui form): the browser's own <select>, styled like Input; works without JavaScript.
import type { ComponentProps } from "react";
import { cn } from "./cn";

export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "flex h-10 w-full min-w-0 cursor-pointer rounded-md border border-input bg-card px-3 py-2 text-base text-foreground disabled:cursor-not-allowed disabled:opacity-60 md:text-sm",
        className,
      )}
      {...props}
    />
  );
}
