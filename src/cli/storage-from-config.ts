// Kept while tools still import it by this name; the wiring itself lives in src/composition.
export { openTableRepositories as openRepositories } from '../composition/open-table-repositories';
