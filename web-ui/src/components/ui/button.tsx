import { forwardRef, type ButtonHTMLAttributes } from 'react';
import clsx from 'clsx';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
  /** Why the action is not offered; disables the button and tells the user why. */
  disabledReason?: string | null;
}

const variants: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90',
  secondary: 'border border-line bg-raised text-fg hover:bg-sunken',
  ghost: 'text-fg hover:bg-sunken',
  danger: 'bg-danger text-white hover:opacity-90 dark:text-gray-950',
};

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', disabledReason, disabled, className, title, type = 'button', ...rest },
  ref,
) {
  const off = disabled || !!disabledReason;
  return (
    <button
      ref={ref}
      type={type}
      disabled={off}
      title={disabledReason ?? title}
      aria-label={rest['aria-label']}
      className={clsx(
        'inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50',
        size === 'sm' ? 'h-8 px-2.5 text-sm' : 'h-9 px-3.5 text-sm',
        variants[variant],
        className,
      )}
      {...rest}
    />
  );
});
