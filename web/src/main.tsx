// The first paint's styles: Mantine's base and the components of the header and the public pages (decision
// 055, replacing 019's "every component's styles with the shell"). The other pages load the rest with their
// code (router.tsx, `withFullStyles`).
import './styles/first-paint.css';
import './styles.css';
import { startApp } from './app/start.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// startApp renders once the remembered language's texts are there. Not a top-level await: that would make
// the bundler split the entry's shared modules into extra chunks (~2 KiB gzip more on /members).
void startApp(root);
