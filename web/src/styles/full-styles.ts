// Every Mantine component's styles (in the `mantine` cascade layer, like first-paint.css): loaded with each
// page outside the public ones, and after hydration on a public page (issue 17, decision 055).
import '@mantine/core/styles.layer.css';
