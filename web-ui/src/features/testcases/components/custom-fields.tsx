import { Field, Input, Select } from '@/components/ui/field';
import type { FieldView } from '../api/library';

/** The project's custom fields, each as the control its type asks for. */
export function CustomFields({ fields, values, onChange, disabled, errorOf }: {
  fields: FieldView[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  disabled?: boolean;
  errorOf: (name: string) => string | undefined;
}) {
  const set = (name: string, value: unknown) => onChange({ ...values, [name]: value });
  return (
    <>
      {fields.map((f) => {
        const name = f.name!;
        const value = values[name];
        const label = `${f.label ?? name}${f.required ? ' *' : ''}`;
        if (f.type === 'CHECKBOX') {
          return (
            <label key={f.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={value === true} disabled={disabled} onChange={(e) => set(name, e.target.checked)} /> {label}
            </label>
          );
        }
        return (
          <Field key={f.id} label={label} error={errorOf(`customFields.${name}`)}>
            {(p) =>
              f.type === 'SELECT' || f.type === 'MULTI_SELECT' ? (
                <Select
                  {...p}
                  multiple={f.type === 'MULTI_SELECT'}
                  disabled={disabled}
                  value={f.type === 'MULTI_SELECT' ? ((value as string[]) ?? []) : ((value as string) ?? '')}
                  onChange={(e) => set(name, f.type === 'MULTI_SELECT' ? [...e.target.selectedOptions].map((o) => o.value) : e.target.value || undefined)}
                >
                  {f.type === 'SELECT' && <option value="">—</option>}
                  {f.options?.map((o) => <option key={o} value={o}>{o}</option>)}
                </Select>
              ) : (
                <Input
                  {...p}
                  type={f.type === 'NUMBER' ? 'number' : 'text'}
                  disabled={disabled}
                  value={(value as string | number | undefined) ?? ''}
                  onChange={(e) => set(name, e.target.value === '' ? undefined : f.type === 'NUMBER' ? Number(e.target.value) : e.target.value)}
                />
              )
            }
          </Field>
        );
      })}
    </>
  );
}
