// The host's side of embedding: feed the element articles through its methods and listen for its results.
const analyzer = document.querySelector('crosswire-analyzer');
const summary = document.getElementById('host-summary');

analyzer.addEventListener('crosswire-analysis', (event) => {
  const { articles, entities, stories } = event.detail.analysis;
  summary.textContent = `The analyzer found ${entities.length} entities and ${stories.length} story groups in ${articles.length} articles.`;
});

document.getElementById('send-draft').addEventListener('click', () => {
  analyzer.addArticles([{ id: 'host-draft.txt', text: document.getElementById('draft').textContent }]);
});
