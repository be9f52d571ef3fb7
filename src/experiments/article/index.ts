/** The article's experiment pieces: its model (SeedModel), data and loss. */
export { SeedModel, SEED_MODEL_WIDTHS, articleLoss, type SeedModelOptions } from './model.js';
export { articleData, type ArticleData } from './data.js';
