-- The SDK a Space was created with (gradio, streamlit, docker, static); null for models and datasets.
ALTER TABLE repos ADD COLUMN sdk VARCHAR(16);
