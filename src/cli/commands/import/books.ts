// `shuxiang import --kind books FILE|FOLDER...` = `books import`: book lists into the catalogue
// (src/cli/importing/books.ts, shared by the two commands).
export { importBooks } from '../../importing/books.js';
