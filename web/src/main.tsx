// Every Mantine component's styles, once, with the shell (~42 KiB gzip of CSS, cached under a hashed name):
// a lazy page never depends on another page having loaded first (decision 019).
import '@mantine/core/styles.css';
import './styles.css';
import { startApp } from './app/start.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// startApp renders once the remembered language's texts are there. Not a top-level await: that would make
// the bundler split the entry's shared modules into extra chunks (~2 KiB gzip more on /members).
void startApp(root);
