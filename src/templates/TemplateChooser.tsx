import { lazy, Suspense } from 'react';

// The gallery, its dialogs and the built-in template files load on demand, so
// a returning user's first load carries none of them.
const TemplateGallery = lazy(() => import('./TemplateGallery').then((module) => ({ default: module.TemplateGallery })));

function GalleryLoading() {
  return <p className="loading">Loading templates…</p>;
}

/** Shows the first-run screen: start from a template, a template file, or the user's own CSV file. */
export function TemplateChooser() {
  return (
    <Suspense fallback={<GalleryLoading />}>
      <TemplateGallery firstRun />
    </Suspense>
  );
}

/** Shows the Templates page, which adds a template's sheets to the open workbook. */
export function TemplatesPage({ onTemplateUsed }: { onTemplateUsed: () => void }) {
  return (
    <Suspense fallback={<GalleryLoading />}>
      <TemplateGallery firstRun={false} onTemplateUsed={onTemplateUsed} />
    </Suspense>
  );
}
