/** One checkbox per topic, named "topics", ticked for those chosen. */
export function TopicChoices({ topics, chosen }: { topics: { slug: string; name: string }[]; chosen: string[] }) {
  return (
    <>
      {topics.map((topic) => (
        <div class="checkbox" key={topic.slug}>
          <input
            type="checkbox"
            id={`topic-${topic.slug}`}
            name="topics"
            value={topic.slug}
            checked={chosen.includes(topic.slug)}
          />
          <label for={`topic-${topic.slug}`}>{topic.name}</label>
        </div>
      ))}
    </>
  );
}
