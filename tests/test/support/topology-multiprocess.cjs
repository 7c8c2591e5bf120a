process.env['TEST_HUB_TOPOLOGY'] = 'multiprocess';
