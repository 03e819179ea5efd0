import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { Notice, ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useCsvImport, type ImportReport } from '../api/cases';

/** CSV import in two steps: a dry run shows what would happen, then the import writes it. */
export function ImportDialog({ projectId, open, onOpenChange }: { projectId: string; open: boolean; onOpenChange: (o: boolean) => void }) {
  const csv = useCsvImport(projectId);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState(false);
  const reset = () => { setReport(null); setDone(false); csv.reset(); };
  const run = (dryRun: boolean) =>
    file && csv.mutate({ file, dryRun }, { onSuccess: (r) => { setReport(r); setDone(!dryRun); } });
  const clean = report && !report.errors?.length;
  return (
    <Dialog open={open} onOpenChange={(o) => { if (!o) reset(); onOpenChange(o); }} title={m.cases.import}>
      <div className="flex flex-col gap-4">
        <Field label={m.cases.file}>
          {(p) => <Input {...p} type="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); reset(); }} />}
        </Field>
        <ProblemAlert error={csv.error} />
        {report && (
          <div data-testid="import-report" className="rounded-md border border-line p-3 text-sm">
            <p className="font-medium">{m.cases.importReport(report.created ?? 0, report.updated ?? 0)}</p>
            {!!report.errors?.length && (
              <>
                <p className="mt-2 text-danger">{m.cases.importErrors}</p>
                <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5">
                  {report.errors.map((e, i) => (
                    <li key={i}>{e.field} {e.message}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {done && <Notice>{m.cases.importDone}</Notice>}
        <div className="flex justify-end gap-2">
          <Button onClick={() => run(true)} disabled={!file || csv.isPending}>{m.cases.dryRun}</Button>
          <Button variant="primary" onClick={() => run(false)} disabledReason={clean && !done ? null : m.cases.dryRun} disabled={csv.isPending}>
            {m.cases.importNow}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
