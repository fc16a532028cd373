"use client";
// Label (shadcn/ui form, Radix Label): a form field's name; clicking it focuses the field.
import * as LabelPrimitive from "@radix-ui/react-label";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Label({ className, ...props }: ComponentProps<typeof LabelPrimitive.Root>) {
  return (
    <LabelPrimitive.Root
      data-slot="label"
      className={cn("flex select-none items-center gap-2 font-medium text-sm leading-none", className)}
      {...props}
    />
  );
}
