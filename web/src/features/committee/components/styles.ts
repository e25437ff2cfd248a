// Styles of the Mantine components only the committee pages use (main.tsx loads the common ones);
// imported by each committee page, so they arrive with that lazy code.
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
