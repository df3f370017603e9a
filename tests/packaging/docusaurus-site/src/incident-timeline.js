// A client module: registers <incident-timeline> in the browser (in the
// server-side rendering pass the import is inert).
import 'incident-timeline/define';
