// CampaignEngine
